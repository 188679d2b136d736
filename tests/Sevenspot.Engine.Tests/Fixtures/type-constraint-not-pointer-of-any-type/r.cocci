@@
identifier F;
type U;
type V != {U*};
@@
struct node { ...
- V F;
  ...
};
