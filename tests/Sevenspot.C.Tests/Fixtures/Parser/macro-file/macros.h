/* A macro file in the format of spatch's standard.h. */
#define walk_nodes(n) YACFE_ITERATOR
#define MY_DECLARE(name) YACFE_DECLARATOR
#define __hot_path
#define MY_TAG "tag: "
typedef struct node_handle node_handle;
