typedef double vec3_t [3];
typedef float real_t;

struct body {
 double *mass;
 vec3_t *pos;
 real_t *charge;
};
