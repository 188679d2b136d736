@pointerize@
identifier F;
typedef real_t;
typedef vec3_t;
type R = { double, float, real_t, vec3_t };
@@
struct body { ...
- R F;
+ R *F;
  ...
};

@drop_plain@
identifier F;
type U;
type V != {U*};
@@
struct body { ...
- V F;
  ...
};
