@ disable bsd_branch_pred @
expression E;
@@
- foo(__predict_true(E));
+ bar(E);
