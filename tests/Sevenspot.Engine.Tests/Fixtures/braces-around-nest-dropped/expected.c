void poll_loop(int n, int busy, int err)
{
	while (1) {
		if (n > 4) { halt();
			report(); break; }
	}
	while (1)
		if (n > 4) { halt();
			report(); break; }
	while (busy)
		if (n > 4) { halt(); return; }
	while (busy) {
		tick();
		if (n) { halt();
			report(); break; }
		if (err) { halt();
			report(); break; }
	}
	while (err)
		idle();
}
