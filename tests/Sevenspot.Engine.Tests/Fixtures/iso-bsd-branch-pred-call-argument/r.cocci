@@
expression E;
@@
- foo(__predict_true(E));
+ bar(E);
