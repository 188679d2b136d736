void one(int on)
{
	start(5);
	if (on) {
	} else {
		send(5, 2);
	}
}

void two(int mode)
{
	start(6);
	switch (mode) {
	case 0: break;
	default:
	}
}

void three(int on)
{
	start(7);
	if (on)
		pause(7);
	else
		resume(7);
}
