fn main() -> std::process::ExitCode {
    igf::app::run(std::env::args_os()).into()
}
