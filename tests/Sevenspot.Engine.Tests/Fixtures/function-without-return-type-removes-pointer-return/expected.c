

int k;
