@@
@@
- start();
+ begin();
  ...
- finish();
+ end();
