package io.pizza.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * The CPU time the JIT compilers' threads of some JVMs used, read from Linux's
 * {@code /proc}: each JVM's threads named {@code C1 CompilerThread}/{@code C2
 * CompilerThread}, their user and system time added up. Where {@code /proc} is not, it is
 * not known.
 */
final class JitCompilers {

	// the kernel's clock ticks a second, in which /proc counts CPU time (USER_HZ)
	private static final double TICKS_PER_SECOND = 100;

	private static final Path PROC = Path.of("/proc");

	private JitCompilers() {
	}

	/**
	 * The CPU time the compilers of these JVMs used so far.
	 * @param jvms the JVMs' processes
	 * @return seconds of CPU, empty where {@code /proc} is not
	 */
	static OptionalDouble cpuSeconds(Collection<ProcessHandle> jvms) {
		if (!Files.isDirectory(PROC.resolve("self/task"))) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of(jvms.stream().mapToDouble((jvm) -> cpuSeconds(jvm.pid())).sum());
	}

	private static double cpuSeconds(long pid) {
		try (Stream<Path> threads = Files.list(PROC.resolve(pid + "/task"))) {
			return threads.filter(JitCompilers::isCompiler).mapToLong(JitCompilers::ticks).sum() / TICKS_PER_SECOND;
		}
		catch (IOException ex) {
			// the process ended
			return 0;
		}
	}

	private static boolean isCompiler(Path thread) {
		try {
			return Files.readString(thread.resolve("comm")).matches("C[12] CompilerThre.*\\s*");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static long ticks(Path thread) {
		try {
			String stat = Files.readString(thread.resolve("stat"));
			// after the thread's name, in parentheses: state, then utime and stime are
			// the 12th and 13th fields
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

}
