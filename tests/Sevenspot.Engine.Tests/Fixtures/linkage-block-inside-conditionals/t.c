#ifdef __cplusplus
extern "C" {
#endif

int get(void) {
  return 0;
}

#ifdef __cplusplus
}
#endif

int after(void) {
  return 0;
}
