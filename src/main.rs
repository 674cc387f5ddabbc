fn main() {
    std::process::exit(igf::app::run(std::env::args_os()));
}
