int f1(void) { 
	bar();
}
int g(void) {	
}
int h(int x) {
	if (x) { 
	}
	while (x) { /* c */ 
		bar();
	}
}
int f1(void) {
	bar(); 
	bar();
}
int g(void) {
	bar();
	bar(); 
}
int k(void) {
	bar();
}
int m(int x) {
	x = 1;
	if (x) { }
	if (x) {
		bar();
	}
	bar(); /* keep */ 
}
