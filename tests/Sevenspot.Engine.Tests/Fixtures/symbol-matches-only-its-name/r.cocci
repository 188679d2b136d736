@@
symbol jiffies;
expression E;
@@
- E > jiffies
+ time_after(E, jiffies)
