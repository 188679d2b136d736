@r@
identifier fn, v, m;
fresh identifier h = fn ## "_" ## m;
@@
fn(...) {
<...
- v->m
+ h(v)
...>
}
