/* test_people.c - the name/affiliation parser on tricky cue lines, with
 * and without the hunspell-fr lexicon, and in running text. */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "cli/ctx.h"
#include "extract/people.h"
#include "ref/lexicon.h"
#include "ref/ref.h"
#include "ref/vocab.h"

static int failures, count;

static void
span(const char *text, struct kg_pspan s, struct kg_buf *out)
{
  kg_buf_reset(out);
  kg_buf_add(out, text + s.start, s.end - s.start);
}

/* The lexicon of the lexicon checks (NULL: none), and whether they read
 * running text. */
static const struct kg_lexicon *check_lx;
static int check_prose;

/* expected: "Name|title|org; Name||org; ..." */
static void
check(const struct kg_vocab *v, const char *line, const char *expected)
{
  struct kg_people p;
  struct kg_buf got = KG_BUF_INIT, tmp = KG_BUF_INIT;
  size_t i;

  kg_people_parse_at(v, check_lx, check_prose, line, strlen(line), &p);
  kg_buf_init(&got);
  for(i = 0; i < p.npersons; i++) {
    const struct kg_person_ref *r = &p.persons[i];

    if(i)
      kg_buf_adds(&got, "; ");
    span(line, r->name, &tmp);
    kg_buf_adds(&got, tmp.s);
    kg_buf_addc(&got, '|');
    span(line, r->title, &tmp);
    kg_buf_adds(&got, tmp.s);
    kg_buf_addc(&got, '|');
    if(r->org >= 0) {
      span(line, p.orgs[r->org].name, &tmp);
      kg_buf_adds(&got, tmp.s);
      if(p.orgs[r->org].alias.end > p.orgs[r->org].alias.start) {
        span(line, p.orgs[r->org].alias, &tmp);
        kg_buf_addf(&got, " [%s]", tmp.s);
      }
    }
  }
  count++;
  if(strcmp(got.s, expected)) {
    failures++;
    printf("not ok %d - %s\n#   got:  %s\n#   want: %s\n", count, line,
           got.s, expected);
  } else {
    printf("ok %d - %s\n", count, line);
  }
  kg_buf_release(&got);
  kg_buf_release(&tmp);
  kg_people_release(&p);
}

/* Cue lines of the bundled report and of fixtures. */
static void
cue_lines(const struct kg_vocab *v)
{
  check(v, "Yaël Benayoun et Christelle Gilabert du Mouton Numérique",
        "Yaël Benayoun||Mouton Numérique; Christelle Gilabert||Mouton Numérique");
  check(v, "Denis Pansu du GIP Récia", "Denis Pansu||GIP Récia");
  check(v, "Cécile Bosser, juriste à la CNIL", "Cécile Bosser|juriste|CNIL");
  check(v, "Ramatou Sow et Isabelle Zeller de la Fédération Régionale des "
        "Centres sociaux et Aurélien Chatelain de la CAF du Loiret",
        "Ramatou Sow||Fédération Régionale des Centres sociaux; "
        "Isabelle Zeller||Fédération Régionale des Centres sociaux; "
        "Aurélien Chatelain||CAF du Loiret");
  check(v, "Louis Magnes, responsable plaidoyer au Conseil national du "
        "numérique, et Ulrich Tan, chef du pôle Datalab au sein de la "
        "direction interministérielle du numérique (DINUM)",
        "Louis Magnes|responsable plaidoyer|Conseil national du numérique; "
        "Ulrich Tan|chef du pôle Datalab|direction interministérielle du "
        "numérique [DINUM]");
  check(v, "Gilles Toutin du SGAR, Julia Herriot et Ferdinand Rautureau de "
        "l'ANCT",
        "Gilles Toutin||SGAR; Julia Herriot||ANCT; Ferdinand Rautureau||ANCT");
  check(v, "Mathieu Louis et Janice de l'Intention Publique",
        "Mathieu Louis||Intention Publique; Janice||Intention Publique");
  check(v, "Carla Gulon de Familles Rurales de l'Indre, Jean-Bernard Constant "
        "de la Communauté de Communes Cœur de Brenne et Guilhem Meinnier de "
        "APF Loiret",
        "Carla Gulon||Familles Rurales de l'Indre; Jean-Bernard Constant||"
        "Communauté de Communes Cœur de Brenne; Guilhem Meinnier||APF Loiret");
  check(v, "Aurélien Foucret d'Emmaüs Connect",
        "Aurélien Foucret||Emmaüs Connect");
  check(v, "Garlann Nizon", "Garlann Nizon||");
  check(v, "Elise Le Strat et Nadia Zuber du Hub-Lo",
        "Elise Le Strat||Hub-Lo; Nadia Zuber||Hub-Lo");
  check(v, "Noémie Wartelle du Conseil Régional Centre-Val de Loire",
        "Noémie Wartelle||Conseil Régional Centre-Val de Loire");
  check(v, "Lucie Jagu de Simplon et Marie-Elise Gaudiche de JobIRL",
        "Lucie Jagu||Simplon; Marie-Elise Gaudiche||JobIRL");
  check(v, "Anne Le Guen (Bretagne Numérique)",
        "Anne Le Guen||Bretagne Numérique");
  check(v, "Paul Martin, coordinateur, Emmaüs Connect",
        "Paul Martin|coordinateur|Emmaüs Connect");
}

/* What the lexicon changes in lists and cue lines. */
static void
lexicon_lines(const struct kg_vocab *v)
{
  check(v, "Charlotte Milliard – Antoine Bidegain, Bordeaux Métropole – "
        "Sarah Gillery, Bordeaux Métropole",
        "Charlotte Milliard||Bordeaux Métropole; "
        "Antoine Bidegain||Bordeaux Métropole; "
        "Sarah Gillery||Bordeaux Métropole");
  check(v, "Kim Delagarde Le BetaLab (79)", "Kim Delagarde||Le BetaLab");
  check(v, "Guillaume Riffaud, Coopérative des Tiers-Lieux",
        "Guillaume Riffaud||Coopérative des Tiers-Lieux");
  check(v, "Philippe ARCHIAS, Directeur innovation, études, Recherche",
        "Philippe ARCHIAS|Directeur innovation|");
  check(v, "Delphine Jamet, conseillère déléguée en charge du numérique, "
        "Bordeaux Métropole",
        "Delphine Jamet|conseillère déléguée en charge du numérique|"
        "Bordeaux Métropole");
  check(v, "Mme Le Goff et M. Dupont (CAF du Cher)",
        "Mme Le Goff||CAF du Cher; M. Dupont||CAF du Cher");
  check(v, "Claire Le Roux de Coop'Data Armor",
        "Claire Le Roux||Coop'Data Armor");
}

/* Running text: the first person only, organisations bounded. */
static void
prose_lines(const struct kg_vocab *v)
{
  check(v, "Sophie Arzal de citer le développement de la fibre",
        "Sophie Arzal||");
  check(v, "Anne Causse, chargée du déploiement des CNFS en région Occitanie "
        "pour la Banque des Territoires et Lozère Tourisme pour la "
        "présentation du dispositif PANEL",
        "Anne Causse|chargée du déploiement des CNFS en région Occitanie|"
        "Banque des Territoires");
  check(v, "Ulrich Tan (depuis juin dernier pour monter équipe du datalab).",
        "Ulrich Tan||");
  check(v, "Paul CLAVEL, chargé de mission à Lozère Développement, œuvre "
        "depuis des années et Anne Dupont aussi",
        "Paul CLAVEL|chargé de mission|Lozère Développement");
  check(v, "Anne Chevrel, de nombreux intervenants étaient présents",
        "Anne Chevrel||");
}

int
main(void)
{
  struct kg_ctx ctx;
  struct kg_vocab *v;

  if(kg_ctx_init(&ctx))
    return 1;
  v = kg_ref_vocab(&ctx.ref);
  if(!v) {
    printf("not ok 1 - vocabulary loads\n");
    return 1;
  }
  cue_lines(v);
  /* the same cue lines read with the lexicon give the same answers */
  check_lx = kg_ref_lexicon(&ctx.ref);
  if(!check_lx) {
    printf("not ok - lexicon loads\n");
    return 1;
  }
  cue_lines(v);
  lexicon_lines(v);
  check_prose = 1;
  prose_lines(v);
  printf("1..%d\n", count);
  kg_ctx_release(&ctx);
  return failures ? 1 : 0;
}
