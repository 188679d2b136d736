#ifdef __cplusplus
extern "C" {
#endif

int get(void) {
  return 1;
}

#ifdef __cplusplus
}
#endif

int after(void) {
  return 1;
}
