// A small Rust program for RustLinkTest: built by Debian's rustc 1.63 for wasm32-wasi with the reference linker
// and with ours, and run under node's WASI. Its output is deterministic (no hashing with random keys, no time).
use std::collections::BTreeMap;
use std::fmt;

trait Shape {
    fn name(&self) -> String;
    fn area(&self) -> f64;
}

struct Rect {
    w: f64,
    h: f64,
}

struct Circle {
    r: f64,
}

impl Shape for Rect {
    fn name(&self) -> String {
        format!("rect {}x{}", self.w, self.h)
    }
    fn area(&self) -> f64 {
        self.w * self.h
    }
}

impl Shape for Circle {
    fn name(&self) -> String {
        format!("circle r={}", self.r)
    }
    fn area(&self) -> f64 {
        std::f64::consts::PI * self.r * self.r
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Number(i64),
}

struct Point {
    x: i32,
    y: i32,
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({}, {})", self.x, self.y)
    }
}

static PRIMES: [u32; 8] = [2, 3, 5, 7, 11, 13, 17, 19];

fn apply(f: fn(i64) -> i64, value: i64) -> i64 {
    f(value)
}

fn square(v: i64) -> i64 {
    v * v
}

fn negate(v: i64) -> i64 {
    -v
}

fn main() {
    println!("hello from rust on wasm32-wasi");
    println!("{:>8}|{:<8}|{:^8}|", "right", "left", "mid");
    println!("{:08.3} {:+} {:#x} {:#b} {:e}", 3.14159, 42, 255, 5, 1234.5);

    let mut numbers: Vec<i64> = (1..=10).map(|n| n * n - 7 * n).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let total: i64 = numbers.iter().sum();
    println!("numbers {:?} total {}", numbers, total);

    let text = "the quick brown fox jumps over the lazy dog the end 42 7 42";
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for word in text.split_whitespace() {
        *counts.entry(word).or_insert(0) += 1;
    }
    for (word, count) in &counts {
        if *count > 1 {
            println!("word {:?} x{}", word, count);
        }
    }
    let tokens: Vec<Token> = text
        .split_whitespace()
        .rev()
        .take(4)
        .map(|w| w.parse::<i64>().map(Token::Number).unwrap_or_else(|_| Token::Word(w.to_uppercase())))
        .collect();
    println!("tokens {:?}", tokens);

    let shapes: Vec<Box<dyn Shape>> = vec![
        Box::new(Rect { w: 3.0, h: 4.5 }),
        Box::new(Circle { r: 2.0 }),
        Box::new(Rect { w: 0.5, h: 10.0 }),
    ];
    let mut area = 0.0;
    for shape in &shapes {
        println!("{} has area {:.4}", shape.name(), shape.area());
        area += shape.area();
    }
    println!("total area {:.2}", area);

    let ops: [(&str, fn(i64) -> i64); 2] = [("square", square), ("negate", negate)];
    for (name, op) in ops.iter() {
        println!("{}(12) = {}", name, apply(*op, 12));
    }

    let product: u64 = PRIMES.iter().map(|&p| p as u64).product();
    let wide = (product as u128) * (product as u128);
    println!("primes {:?} product {} squared {}", PRIMES, product, wide);

    let points: Vec<Point> = (0..3).map(|i| Point { x: i * 2, y: -i }).collect();
    let joined: Vec<String> = points.iter().map(|p| p.to_string()).collect();
    println!("points {}", joined.join(" -> "));

    let mut s = String::new();
    for c in "wasm".chars().rev() {
        s.push(c);
        s.push('-');
    }
    println!("{} len={}", s.trim_end_matches('-'), s.len());
    let parsed: Result<i32, _> = "not a number".parse::<i32>();
    println!("parse error: {}", parsed.unwrap_err());
    eprintln!("this line goes to stderr");
}
