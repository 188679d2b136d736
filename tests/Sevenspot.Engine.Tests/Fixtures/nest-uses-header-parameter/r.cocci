@@
identifier buf;
expression E;
@@

f(char *buf, int n)
{
  <...
(
  return
- snprintf
+ sprintf
    (buf, ...);
|
- g(buf, E);
+ h(E, buf);
)
  ...>
}
