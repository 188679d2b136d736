void f() {
    D0(0);
    D1(0);
    D2(1, 2);
    return;
}

void g() {
    int x;
    D2(x);
    D0(0);
    D1(0);
    use(x);
}
