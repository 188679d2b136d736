int main() {
	double d;
	float f;
	double complex dc;
	float complex fc;
	long double ld;
	return 0;
}
