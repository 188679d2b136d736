void run(int n) {
  Log::flush(0, Limits::Max::value);
  n = Limits::Max::value + n;
  Log::flush(n, Limits::Max::value);
}
