
struct s { int a; };
#pragma once
int x;
