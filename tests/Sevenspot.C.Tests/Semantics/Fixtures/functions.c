// Function calls: prototypes, definitions, pointers to functions, typedefs, struct operations.
struct file;
struct file_operations {
	int (*open)(struct file *, int);
	void (*release)(struct file *);
	struct file *(*dup)(const struct file *f);
};
struct file { const struct file_operations *f_op; };

typedef long (*handler_t)(void *);
typedef int action_fn(int);

struct file *fget(unsigned int fd);
unsigned long long count(void);
static void nothing(void) { }
char *(*lookup)(const char *name);
handler_t handler;
action_fn act;

int def(int x)
{
	return x;
}

void f(struct file *file, handler_t h, int (*cb)(int, int))
{
	check(fget(1));	// struct file *
	check(fget(1)->f_op);	// const struct file_operations *
	check(count());	// unsigned long long
	check(nothing());	// void
	check(def(2));	// int
	check(def);	// int (int x)
	check(&def);	// int (*)(int x)
	check(lookup("x"));	// char *
	check(lookup);	// char *(*)(const char *name)
	check(handler(0));	// long
	check(h(file));	// long
	check(act(1));	// int
	check(cb(1, 2));	// int
	check((*cb)(1, 2));	// int
	check(file->f_op->open(file, 0));	// int
	check(file->f_op->dup(file));	// struct file *
	check(file->f_op->release);	// void (*)(struct file *)
	check(later(1));	// ?
	check(undeclared(file));	// ?
}

short later(int);

void g(void)
{
	check(later(1));	// short
}
