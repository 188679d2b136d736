@@
expression h;
@@
  use_handle(h);
+ release_handle(h);
?- drop_ref(h->ref);
