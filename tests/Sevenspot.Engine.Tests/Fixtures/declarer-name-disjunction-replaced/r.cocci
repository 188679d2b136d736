@@
declarer name D1;
declarer name D2;
declarer name D3;
@@
- \(D1\|D2\)(...);
+ D3(0);
