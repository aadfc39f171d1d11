//! Prints the catalog JSON (input of bindings/java/codegen/gen_operations.py).
fn main() {
    println!("{}", cnvision::catalog::to_json());
}
