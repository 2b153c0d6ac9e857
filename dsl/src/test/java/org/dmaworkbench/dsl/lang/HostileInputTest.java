package org.dmaworkbench.dsl.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dmaworkbench.dsl.validation.IssueCodes;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/** Hostile and broken input found by hand (issue 10, section 5): each one a diagnostic on the token, never a stack trace. */
class HostileInputTest {
    private static final String HEAD = "import \"platforms/lab.dmas\"\nscenario \"s\" on spr {\n    probe dsa0\n";

    private static Pipeline statements(String body) {
        return Pipeline.check(HEAD + body + "}\n");
    }

    /** The one error or warning of the text, which must be on {@code line} and start at {@code token}. */
    private static Issue only(Pipeline p, String code, int line, String token) {
        List<Issue> all = p.errorsAndWarnings();
        assertEquals(1, all.size(), p::describe);
        Issue i = all.get(0);
        assertEquals(code, i.getCode(), p::describe);
        assertEquals(line, i.getLineNumber(), p::describe);
        assertEquals(token, p.text.substring(i.getOffset(), i.getOffset() + i.getLength()), p::describe);
        assertFalse(i.getMessage().contains("For input string") || i.getMessage().contains("radix"), i.getMessage());
        return i;
    }

    @Test
    void numbersThatDoNotFitAreErrorsOnTheirTokenWithoutContradictingWarnings() {
        only(statements("    buffer b = kmalloc(9223372036854775808)\n"), IssueCodes.NUMBER_RANGE, 4, "9223372036854775808");
        only(statements("    dma dsa0 write 0x1000 len 0xffffffffffffffff expect ok\n"), IssueCodes.NUMBER_RANGE, 4, "0xffffffffffffffff");
        only(statements("    check iotlb.syncs >= 0xffffffffffffffff\n"), IssueCodes.NUMBER_RANGE, 4, "0xffffffffffffffff");
        Issue noDigits = only(statements("    buffer b = kmalloc(0x_)\n"), IssueCodes.NUMBER_RANGE, 4, "0x_");
        assertTrue(noDigits.getMessage().contains("no digits"), noDigits.getMessage());
        only(statements("    repeat 99999999999 { advance 1 ns }\n"), IssueCodes.NUMBER_RANGE, 4, "99999999999");
    }

    @Test
    void unitsThatTakeANumberPast64BitsAreErrors() {
        only(statements("    dma dsa0 read 0x1000 len 0x7fffffffffffffff GiB\n"), IssueCodes.NUMBER_RANGE, 4, "0x7fffffffffffffff");
        only(statements("    advance 0x7fffffffffffffff sec\n"), IssueCodes.NUMBER_RANGE, 4, "0x7fffffffffffffff");
    }

    @Test
    void nestedRepeatsAreBoundedByTheirProduct() {
        only(statements("    repeat 100000 {\n        repeat 100000 { advance 1 ns }\n    }\n"), IssueCodes.REPEAT_PRODUCT, 5, "100000");
        assertEquals(List.of(), statements("    repeat 1000 {\n        repeat 1000 { advance 1 ns }\n    }\n").errorsAndWarnings());
    }

    @Test
    void benchmarkParametersOutsideTheRuntimesBoundsAreErrorsOnTheirToken() {
        String head = "import \"platforms/lab.dmas\"\nbenchmark \"b\" on spr {\n    device dsa0\n";
        only(Pipeline.check(head + "    threads 1024 iterations 1000000000\n}\n"), IssueCodes.BENCHMARK_BOUNDS, 4, "1000000000");
        Pipeline zeros = Pipeline.check(head + "    threads 0 iterations 0 granule 0\n}\n");
        assertEquals(3, zeros.errors().size(), zeros::describe);
        assertTrue(zeros.errors().stream().allMatch(i -> IssueCodes.BENCHMARK_BOUNDS.equals(i.getCode()) && i.getLineNumber() == 4), zeros::describe);
        assertEquals(List.of(), Pipeline.check(head + "    threads 1024\n}\n").errorsAndWarnings(), "the kernel's limit with the default iterations");
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        byte[] text = ("\uFEFF" + HEAD + "}\n").getBytes(StandardCharsets.UTF_8);
        Pipeline p = Pipeline.check(text);
        assertEquals(List.of(), p.errorsAndWarnings(), p::describe);
    }

    @Test
    void aCommentEndedByABareCrIsACommentAndASyntaxErrorAtTheEndIsKept() {
        try (LoggedErrors logged = new LoggedErrors()) {
            assertEquals(List.of(), Pipeline.check("platform p { }\r// x\r").errorsAndWarnings());
            assertEquals(List.of(), Pipeline.check("platform p { }\r// x\rplatform q { }\r").errorsAndWarnings());
            Pipeline open = Pipeline.check("platform p {\r");
            assertEquals(1, open.errors().size(), open::describe);
            assertEquals(1, open.errors().get(0).getLineNumber(), open::describe);
            assertEquals(List.of(), logged.messages());
        }
    }

    @Test
    void twoScenariosWithOneTitleGetAWarningOnTheSecond() {
        Pipeline p = Pipeline.check("import \"platforms/lab.dmas\"\nscenario \"same\" on spr { }\nscenario \"same\" on spr { }\n");
        only(p, IssueCodes.DUPLICATE_TITLE, 3, "\"same\"");
    }

    @Test
    void aRemovedKernelCallNamesTheReleasesAndItsReplacement() {
        Issue i = only(statements("    domain d = iommu_domain_alloc(dsa0)\n"), IssueCodes.RENAMED_CALL, 4, "iommu_domain_alloc");
        assertTrue(i.getMessage().contains("iommu_paging_domain_alloc(dev) in Linux 6.11 and removed in 6.13"), i.getMessage());
        assertEquals(List.of("iommu_paging_domain_alloc"), List.of(i.getData()));
    }
}
