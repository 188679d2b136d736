typedef double vec3_t [3];
typedef float real_t;

struct body {
 int flags;
 double mass;
 vec3_t pos;
 real_t hist[4];
 real_t charge;
};
