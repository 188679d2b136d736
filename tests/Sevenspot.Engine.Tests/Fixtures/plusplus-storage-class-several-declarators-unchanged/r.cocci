@@
identifier v;
@@
- long v;
++ unsigned short v;
