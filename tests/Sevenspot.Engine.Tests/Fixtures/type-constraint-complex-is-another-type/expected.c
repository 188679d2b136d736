int main() {
	float d;
	float f;
	double complex dc;
	float complex fc;
	long double complex ld;
	return 0;
}
