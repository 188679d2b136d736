// Struct and union members: chains, typedefs, pointers, unnamed members, bit-fields.
struct input_id { unsigned short bustype; unsigned short vendor; };
struct input_dev { const char *name; struct input_id idbus; struct input_dev *parent; };
struct a3d { struct input_dev dev; struct input_dev *pdev; int reads; };

typedef struct a3d a3d_t;
typedef struct a3d *a3d_p;
typedef a3d_t a3d_alias;

struct outer {
	union {
		int u_int;
		long u_long;
	};
	struct {
		char inner_c;
	};
	struct { int x; } named;
	unsigned int flag : 1, mode : 3;
	struct later *forward;
	struct later *later_array[4];
};

struct later { int value; };

void f(struct a3d *a3d, a3d_t *t, a3d_p p, a3d_alias al, struct outer o, const struct a3d *c)
{
	check(a3d->dev);	// struct input_dev
	check(a3d->dev.idbus);	// struct input_id
	check(a3d->dev.idbus.vendor);	// unsigned short
	check(a3d->pdev->parent->name);	// const char *
	check(&a3d->dev);	// struct input_dev *
	check(t->reads);	// int
	check(p->dev.parent);	// struct input_dev *
	check(al.reads);	// int
	check((*p).pdev);	// struct input_dev *
	check(p[0].reads);	// int
	check(c->reads);	// int
	check(o.u_long);	// long
	check(o.inner_c);	// char
	check(o.named.x);	// int
	check(o.x);	// ?
	check(o.flag);	// unsigned int
	check(o.forward->value);	// int
	check(o.later_array[1]->value);	// int
	check(a3d->missing);	// ?
	check(a3d.dev);	// ?
	check(al->reads);	// ?
}

void g(void)
{
	struct local { long l; } v;
	check(v.l);	// long
	{
		struct local { char c; } w;
		check(w.c);	// char
		// spatch looks the tag up again here and finds the inner struct local; C, and we, keep the outer one.
		check(v.l);	// long
	}
	struct undefined *u;
	check(u);	// struct undefined *
	check(u->field);	// ?
}
