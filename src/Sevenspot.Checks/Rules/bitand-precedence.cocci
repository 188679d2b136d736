// bitand-precedence: `!x & y` is read by C as `(!x) & y`; meant is nearly always `!(x & y)`.
// `sevenspot check` runs this file as its bitand-precedence check and reports a match only when
// y is a bit mask (a number, an upper-case name or macro call, a shift, ~mask, masks joined by
// |, & or +, to any depth): SmPL has no constraint for that, so the check tests y itself. Run
// alone (`sevenspot --sp-file` or spatch), the rule rewrites every `!x & y`, masks or not.
// The fix adds the two parentheses around the context code, so line breaks and comments stay.
// `!!x & y` is a deliberate truth value and is left alone; in a chain `!x & A & B` the intended
// grouping is unclear: the first rule finds it, and it is reported without a change.

@chain@
expression E, M, M2;
position c;
@@
(
  !!E & M & M2
|
  !E@c & M & M2
)

@bitand@
expression E, M;
position p != chain.c;
@@
(
  !!E & M
|
  !
+ (
  E@p & M
+ )
)
