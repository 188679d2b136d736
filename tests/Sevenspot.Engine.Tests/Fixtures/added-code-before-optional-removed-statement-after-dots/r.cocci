@@
expression h;
@@
  h = grab_handle(...);
  ...
+ release_handle(h);
?- drop_ref(h->ref);
