@@
expression E;
@@
- Log::write(E);
+ Log::flush(E, Limits::Max::value);
