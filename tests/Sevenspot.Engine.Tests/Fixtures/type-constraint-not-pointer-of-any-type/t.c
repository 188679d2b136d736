struct node {
 struct node *next;
 long key;
 const char **names;
 short slots[8];
 void *data;
};
