void one(int on)
{
	start(5);
	if (on) {
		send(5, 0);
	} else {
		send(5, 1);
		send(5, 2);
	}
}

void two(int mode)
{
	start(6);
	switch (mode) {
	case 0: stop(6); break;
	default: stop(6, 1);
	}
	send(6);
}

void three(int on)
{
	start(7);
	if (on)
		pause(7);
	else
		resume(7);
}
