int f(int x){return x*3;}
void _start(void){f(2);}
