/* initiatives.c - initiatives, their carriers, themes, territories,
 * audiences and figures (issue: initiatives with evidence). */
#include "extract_int.h"

void
kg_x_initiatives(struct kg_x *x)
{
  (void)x;
}
