@@
expression list[n] Es;
expression list[n] Fs;
@@
- f(Es);
+ f3(Es);
  g(Fs);
