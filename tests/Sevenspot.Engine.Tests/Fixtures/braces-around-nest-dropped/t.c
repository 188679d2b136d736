void poll_loop(int n, int busy, int err)
{
	while (1) {
		if (n > 4) { halt(); break; }
	}
	while (1)
		if (n > 4) { halt(); break; }
	while (busy)
		if (n > 4) { halt(); return; }
	while (busy) {
		tick();
		if (n) { halt(); break; }
		if (err) { halt(); break; }
	}
	while (err)
		idle();
}
