/* clock.h - the monotonic clock, in seconds, for time limits, waits,
 * rates and durations (never for dates: see SOURCE_DATE_EPOCH in store/). */
#ifndef KG_CLOCK_H
#define KG_CLOCK_H

/* Seconds since an arbitrary start, never going back. */
double kg_clock_now(void);

#endif
