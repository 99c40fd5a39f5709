#!/usr/bin/env python3
"""gen_reports.py - deterministic synthetic event reports for `make bench`.

Writes N Markdown reports shaped like the seed (data/nec-cvl-2024.md): a
title and date line, an introduction naming the venue, a table of contents,
numbered sessions ("# 1. Conférence ...", "# 2. Ateliers du matin" with
"## 2.1. ..." workshops), "*Animé par X de ORG*" and "*Prise de notes par
...*" lines, slide links, initiatives as list items with their carrier and
their commune, and paragraphs of notes that mention themes.  Places are real
French communes and départements, so the gazetteer finds them.

The same --seed gives the same bytes (Python's random.Random is stable
across versions for random(), randrange() and choice() on sequences).

usage: gen_reports.py [--count N] [--seed S] [--size BYTES] OUTDIR
"""
import argparse
import os
import random
import sys
import unicodedata

# (département, code, chef-lieu or another commune, other communes, région)
PLACES = [
    ("Cher", "18", "Bourges", ["Vierzon", "Saint-Amand-Montrond"], "Centre-Val de Loire"),
    ("Eure-et-Loir", "28", "Chartres", ["Dreux", "Châteaudun"], "Centre-Val de Loire"),
    ("Indre", "36", "Châteauroux", ["Issoudun", "Le Blanc"], "Centre-Val de Loire"),
    ("Indre-et-Loire", "37", "Tours", ["Amboise", "Chinon", "Joué-lès-Tours"], "Centre-Val de Loire"),
    ("Loir-et-Cher", "41", "Blois", ["Vendôme", "Romorantin-Lanthenay"], "Centre-Val de Loire"),
    ("Loiret", "45", "Orléans", ["Montargis", "Gien", "Pithiviers"], "Centre-Val de Loire"),
    ("Gironde", "33", "Bordeaux", ["Libourne", "Arcachon"], "Nouvelle-Aquitaine"),
    ("Creuse", "23", "Guéret", ["Aubusson", "La Souterraine"], "Nouvelle-Aquitaine"),
    ("Corrèze", "19", "Tulle", ["Brive-la-Gaillarde", "Ussel"], "Nouvelle-Aquitaine"),
    ("Vienne", "86", "Poitiers", ["Châtellerault", "Loudun"], "Nouvelle-Aquitaine"),
    ("Haute-Garonne", "31", "Toulouse", ["Muret", "Saint-Gaudens"], "Occitanie"),
    ("Aveyron", "12", "Rodez", ["Millau", "Villefranche-de-Rouergue"], "Occitanie"),
    ("Lot", "46", "Cahors", ["Figeac", "Gourdon"], "Occitanie"),
    ("Hérault", "34", "Montpellier", ["Béziers", "Sète"], "Occitanie"),
    ("Ille-et-Vilaine", "35", "Rennes", ["Saint-Malo", "Fougères"], "Bretagne"),
    ("Finistère", "29", "Quimper", ["Brest", "Morlaix"], "Bretagne"),
    ("Loire-Atlantique", "44", "Nantes", ["Saint-Nazaire", "Châteaubriant"], "Pays de la Loire"),
    ("Sarthe", "72", "Le Mans", ["La Flèche", "Sablé-sur-Sarthe"], "Pays de la Loire"),
    ("Nord", "59", "Lille", ["Roubaix", "Dunkerque", "Valenciennes"], "Hauts-de-France"),
    ("Somme", "80", "Amiens", ["Abbeville", "Péronne"], "Hauts-de-France"),
    ("Puy-de-Dôme", "63", "Clermont-Ferrand", ["Thiers", "Issoire"], "Auvergne-Rhône-Alpes"),
    ("Allier", "03", "Moulins", ["Montluçon", "Vichy"], "Auvergne-Rhône-Alpes"),
    ("Isère", "38", "Grenoble", ["Vienne", "Voiron"], "Auvergne-Rhône-Alpes"),
    ("Côte-d'Or", "21", "Dijon", ["Beaune", "Montbard"], "Bourgogne-Franche-Comté"),
    ("Doubs", "25", "Besançon", ["Montbéliard", "Pontarlier"], "Bourgogne-Franche-Comté"),
    ("Moselle", "57", "Metz", ["Thionville", "Forbach"], "Grand Est"),
    ("Marne", "51", "Reims", ["Épernay", "Vitry-le-François"], "Grand Est"),
    ("Calvados", "14", "Caen", ["Lisieux", "Bayeux"], "Normandie"),
    ("Manche", "50", "Saint-Lô", ["Cherbourg-en-Cotentin", "Granville"], "Normandie"),
]

FIRST = ["Claire", "Paul", "Yaël", "Christelle", "Denis", "Cécile", "Ramatou",
         "Isabelle", "Aurélien", "Gilles", "Julia", "Ferdinand", "Mathieu",
         "Gaëlle", "Carla", "Jean-Bernard", "Guilhem", "Hélène", "Inès",
         "Baptiste", "Sandrine", "Karim", "Nathalie", "Thomas", "Léa", "Hugo",
         "Sophie", "Mehdi", "Anne-Laure", "François", "Émilie", "Olivier",
         "Fatoumata", "Lucas", "Chloé", "Stéphane", "Amandine", "Youssef"]
LAST = ["Martin", "Durand", "Benayoun", "Gilabert", "Pansu", "Bosser", "Sow",
        "Zeller", "Chatelain", "Toutin", "Herriot", "Rautureau", "Louis",
        "Payet", "Gulon", "Constant", "Meinnier", "Fabre", "Bousquet",
        "Delpech", "Moreau", "Lefèvre", "Garnier", "Rousseau", "Blanchard",
        "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin",
        "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine"]

# national organisations, with the form used after "de"
NATIONAL = [("la CNIL", "de la CNIL"), ("l'ANCT", "de l'ANCT"),
            ("Emmaüs Connect", "d'Emmaüs Connect"), ("La Poste", "de La Poste"),
            ("la MedNum", "de la MedNum"), ("le Hub-Lo", "du Hub-Lo"),
            ("le GIP Récia", "du GIP Récia"), ("Les Petits Débrouillards", "des Petits Débrouillards"),
            ("l'Unaf", "de l'Unaf"), ("Cybermalveillance.gouv.fr", "de Cybermalveillance.gouv.fr")]

# local organisations: pattern with {dep} / {com}
LOCAL = ["Familles Rurales {dep_de}", "APF {dep}", "la CAF {dep_du}",
         "le Centre social de {com}", "la Médiathèque de {com}",
         "France Services de {com}", "le Conseil départemental {dep_du}",
         "la Mission locale de {com}", "le CCAS de {com}",
         "la Ligue de l'enseignement {dep_du}"]

THEMES = [
    ("mobilité", ["bus numérique itinérant", "tournées en camping-car dans les communes rurales",
                  "transport solidaire vers les lieux de médiation"]),
    ("données personnelles", ["droits des personnes sur leurs données", "RGPD dans les associations",
                              "consentement et durée de conservation"]),
    ("cyberharcèlement", ["repérage des situations de cyberharcèlement chez les jeunes",
                          "signalement et accompagnement des victimes"]),
    ("intelligence artificielle", ["usage de l'IA dans les démarches administratives",
                                   "appropriation collective de l'IA générative"]),
    ("e-santé", ["prise de rendez-vous en ligne et Mon espace santé",
                 "téléconsultation accompagnée en pharmacie"]),
    ("réemploi", ["collecte et reconditionnement d'ordinateurs",
                  "filière de réemploi des équipements numériques"]),
    ("accès aux droits", ["accompagnement aux démarches CAF et France Travail",
                          "dématérialisation des services publics"]),
    ("parentalité", ["ateliers parents-enfants sur les écrans",
                     "contrôle parental et usages familiaux"]),
    ("handicap", ["accessibilité numérique pour les personnes en situation de handicap",
                  "outils adaptés et lecteurs d'écran"]),
    ("vieillissement", ["ateliers tablette pour les seniors", "lutte contre l'isolement des aînés"]),
]

INITIATIVES = ["Bus numérique", "Rural'num", "Numérique en campagne", "Cyber Repère",
               "Connect'Seniors", "Pass Numérique", "La Fabrique à clics", "Tiers-lieu mobile",
               "Parlons Numérique", "Mon Ordi Solidaire", "Clic'Santé", "Les Intrépides",
               "Réseau des aidants", "Atelier Familles connectées", "Brenne Box",
               "La Collecte solidaire", "Dépann'Num", "Point Relais Numérique"]

FILLER = [
    "Les participants ont partagé leurs retours d'expérience sur le terrain.",
    "Plusieurs structures soulignent la difficulté à pérenniser les financements.",
    "La question de la formation des médiateurs revient dans tous les échanges.",
    "Un temps de questions-réponses a permis de préciser les modalités d'accompagnement.",
    "Les publics éloignés du numérique restent difficiles à atteindre sans aller-vers.",
    "Les acteurs rappellent l'importance de travailler en réseau à l'échelle du territoire.",
    "Des outils de diagnostic des compétences numériques ont été présentés.",
    "L'articulation avec les conseillers numériques France Services a été discutée.",
    "La coordination départementale permet d'éviter les doublons entre dispositifs.",
    "Les bénévoles témoignent d'une forte demande d'accompagnement individuel.",
]

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
          "septembre", "octobre", "novembre", "décembre"]
EVENTS = ["Rencontre régionale de la médiation numérique", "Journée de l'inclusion numérique",
          "Forum des acteurs du numérique", "NEC local", "Assises de la médiation numérique"]


def slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    out, dash = [], False
    for c in s:
        if c.isalnum():
            if dash and out:
                out.append("-")
            out.append(c)
            dash = False
        else:
            dash = True
    return "".join(out)


MASC = {"Cher", "Loiret", "Lot", "Nord", "Doubs", "Calvados", "Finistère",
        "Puy-de-Dôme", "Loir-et-Cher"}


def dep_de(dep):
    """'du Cher', 'de la Creuse', "de l'Indre"."""
    if dep[0] in "AEIOUÉÈH":
        return "de l'" + dep
    if dep in MASC:
        return "du " + dep
    return "de la " + dep


class Gen:
    def __init__(self, rng):
        self.r = rng

    def person(self):
        return "%s %s" % (self.r.choice(FIRST), self.r.choice(LAST))

    def org(self, place):
        """Returns (name, 'de ORG' form)."""
        if self.r.random() < 0.3:
            return self.r.choice(NATIONAL)
        dep, _, chef, others, _ = place
        com = self.r.choice([chef] + others)
        pat = self.r.choice(LOCAL)
        name = pat.format(dep=dep, dep_de=dep_de(dep), dep_du=dep_de(dep),
                          com=com)
        low = name[0].lower() + name[1:]
        if low.startswith("la "):
            return name, "de " + low
        if low.startswith("le "):
            return name, "du " + low[3:]
        if low.startswith("l'"):
            return name, "de " + low
        return name, "de " + name

    def facilitators(self, place):
        n = 1 + (self.r.random() < 0.4)
        parts = []
        for _ in range(n):
            _, de = self.org(place)
            parts.append("%s %s" % (self.person(), de))
        return " et ".join(parts)

    def initiative_item(self, place):
        dep, code, chef, others, _ = place
        name = self.r.choice(INITIATIVES)
        theme, ideas = self.r.choice(THEMES)
        idea = self.r.choice(ideas)
        com = self.r.choice([chef] + others)
        carrier, _ = self.org(place)
        return ("- %s : %s (%s), porté par %s, à %s (%s)." %
                (name, idea, theme, carrier, com, dep))

    def paragraph(self):
        k = 2 + self.r.randrange(4)
        return " ".join(self.r.choice(FILLER) for _ in range(k))

    def session(self, number, title, place, size_goal, out):
        out.append("")
        out.append(title)
        out.append("")
        out.append("*Animé par %s*" % self.facilitators(place))
        out.append("")
        if self.r.random() < 0.7:
            out.append("*Prise de notes par %s %s*" % (self.person(), self.org(place)[1]))
            out.append("")
        if self.r.random() < 0.5:
            out.append("Support de présentation : <https://cloud.example.org/s/%s-%d>"
                       % (slug(place[2]), self.r.randrange(10 ** 6)))
            out.append("")
        theme, ideas = self.r.choice(THEMES)
        out.append("### **%s**" % self.r.choice(ideas).capitalize())
        out.append("")
        for _ in range(1 + self.r.randrange(3)):
            out.append(self.initiative_item(place))
        out.append("")
        written = 0
        while written < size_goal:
            p = self.paragraph()
            out.append(p)
            out.append("")
            written += len(p)
            if self.r.random() < 0.3:
                item = "- ⇒ %s" % self.r.choice(FILLER)
                out.append(item)
                out.append("")
                written += len(item)

    def report(self, index, size):
        r = self.r
        place = r.choice(PLACES)
        dep, code, chef, others, region = place
        venue = r.choice(["Centre de Conférence", "Maison des associations",
                          "Médiathèque", "Salle des fêtes", "Hôtel de Région"])
        year = 2022 + r.randrange(4)
        day = 1 + r.randrange(28)
        month = r.choice(MONTHS)
        event = r.choice(EVENTS)
        out = ["", "# %s %s" % (event.upper(), dep.upper()), "",
               "## Restitution du %d %s %d" % (day, month, year), "",
               "La %de édition de la %s s'est tenue le %d %s %d, au %s de %s. "
               "Les acteurs de la médiation et de l'inclusion numérique %s ont "
               "pu assister à des conférences et des ateliers."
               % (2 + r.randrange(5), event.lower(), day, month, year, venue,
                  chef, dep_de(dep)),
               ""]
        nsessions = 4 + r.randrange(4)
        per = max(200, size // (nsessions + 3))
        titles = []
        body = []
        num = 0
        for _ in range(nsessions):
            num += 1
            theme, ideas = r.choice(THEMES)
            if r.random() < 0.35:
                # a block of workshops
                block = r.choice(["Ateliers du matin", "Ateliers de l'après-midi"])
                titles.append("%d. %s" % (num, block))
                body.append("")
                body.append("# %d. %s" % (num, block))
                for k in range(1, 2 + r.randrange(3)):
                    t = "Atelier %s : %s" % (theme, r.choice(ideas))
                    titles.append("%d.%d. %s" % (num, k, t))
                    self.session(num, "## %d.%d. %s" % (num, k, t), place, per // 2, body)
            else:
                kind = r.choice(["Conférence", "Table ronde", "Atelier"])
                t = "%s « %s »" % (kind, r.choice(ideas).capitalize())
                titles.append("%d. %s" % (num, t))
                self.session(num, "# %d. %s" % (num, t), place, per, body)
        out.append("# Sommaire")
        out.append("")
        for i, t in enumerate(titles):
            out.append("%s.....\t%d" % (t, 3 + i * 2))
        out.extend(body)
        out.append("")
        return "%04d-%s-%s-%d" % (index, slug(event)[:24].strip("-"), slug(dep), year), "\n".join(out)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--size", type=int, default=20000,
                    help="approximate bytes of notes per report (default 20000)")
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    os.makedirs(a.outdir, exist_ok=True)
    g = Gen(rng)
    total = 0
    for i in range(1, a.count + 1):
        size = int(a.size * (0.5 + rng.random()))
        name, text = g.report(i, size)
        data = text.encode("utf-8")
        with open(os.path.join(a.outdir, name + ".md"), "wb") as f:
            f.write(data)
        total += len(data)
    print("%d reports, %d bytes in %s" % (a.count, total, a.outdir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
