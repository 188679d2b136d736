static int fit(void)
{
	float slope;
	float gain;
	double complex zin;
	float complex zout;
	long double complex acc;
	return 0;
}
