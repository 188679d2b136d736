@@
type T2;
identifier E;
int ret;
@@
  E = video_device_alloc(...);
  ...
  if (...) {
    ... when != video_device_release(...,(T2)E,...)
        when != bar((T2)E)
-   return ret;
  }
