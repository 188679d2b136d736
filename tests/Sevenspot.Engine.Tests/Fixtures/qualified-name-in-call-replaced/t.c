void run(int n) {
  Log::write(0);
  n = Limits::Max::value + n;
  Log::write(n);
}
