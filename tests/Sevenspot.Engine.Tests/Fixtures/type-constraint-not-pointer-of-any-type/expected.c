struct node {
 struct node *next;
 const char **names;
 void *data;
};
