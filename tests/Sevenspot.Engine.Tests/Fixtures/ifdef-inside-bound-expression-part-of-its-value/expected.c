int g() {
    buf = malloc(3 + 5);
    buf = malloc(3 + 5);
}
int h() {
    buf = alloca(3
#ifdef A
      + 5
#endif
    );
    buf = alloca(3
#ifdef B
      + 5
#endif
    );
}
int i() {
    buf = alloca(3
#ifdef A
      + 5
#endif
    );
    buf = alloca(3 + 5);
}
int j() {
    buf = malloc(n
                 
#if defined(A)
 * 2
                 
#endif
);
    buf = malloc(n
                 
#if defined(A)
 * 2
                 
#endif
);
}
