void f() {
    int k;
    long **z[];
    int **w[];
    char *v[];
    int *u[];
}
