// A class hierarchy with virtual functions, defined in the side module and used from the main module.
struct Shape {
  virtual ~Shape();
  virtual int area() const = 0;
  virtual const char *name() const;
};

Shape *make_shape(int kind, int size);
