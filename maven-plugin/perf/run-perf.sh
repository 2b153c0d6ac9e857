#!/usr/bin/env bash
# Performance of one Maven invocation on 1,000 generated scenario files (issue 5):
#   A. dmas-maven-plugin: check + compile + run (validate, lower, run every scenario, write the reports)
#   B. org.eclipse.xtext:xtext-maven-plugin:2.42.0 (goal generate with DmasStandaloneSetup): validation only
# on the same files, side by side, each from a clean target/ (so that the up-to-date check skips nothing),
# then A once more without changes (the up-to-date check at work).
#
# Needs: the reactor installed in the local repository (./mvnw -o install -DskipTests) and
# xtext-maven-plugin 2.42.0 in it (the plugin's integration tests use it too). Runs offline.
#   maven-plugin/perf/run-perf.sh [FILES=1000] [REPEAT=3]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
files=${1:-1000}
repeat=${2:-3}
export JAVA_HOME=${JAVA_HOME:-$("$root/tools/find-jdk.sh")}
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n1)
work=${PERF_DIR:-$root/maven-plugin/target/perf}
rm -rf "$work"
mkdir -p "$work/src/main/dmas/platforms" "$work/src/main/dmas/gen"

# ---------------------------------------------------------------- the files
cat > "$work/src/main/dmas/platforms/spr.dmas" <<'DMAS'
// platforms/spr.dmas: one VT-d IOMMU, lazy by default; a trusted SVA-capable device and an untrusted NIC
platform spr {
    iommu vtd0 arch intel-vtd { pasid-bits 20  address-width 48  flush-queue 256 entries 10 ms }
    default-domain lazy
    cmdline "iommu.strict=0"
}
device dsa0    { bdf 0000:6a:01.0  iommu vtd0  pasid-bits 20  ats  satc  coherent  dma-mask 64 }
device tbt_nic { bdf 0000:3c:00.0  iommu vtd0  behind external-facing-port  dma-mask 64 }
DMAS
for ((i = 1; i <= files; i++)); do
  n=$(printf '%04d' "$i")
  f="$work/src/main/dmas/gen/s$n.dmas"
  if ((i % 2)); then
    cat > "$f" <<DMAS
// generated scenario $n: the merged design (global PASID on the default domain)
import "../platforms/spr.dmas"

scenario "s$n kernel DMA with a global PASID shares the RID page table" on spr {
    probe dsa0
    pasid kp = iommu_alloc_global_pasid(dsa0)                      expect 1
    iommu_attach_device_pasid(default_domain(dsa0), dsa0, kp)      expect 0
    iommu_attach_device_pasid(default_domain(dsa0), dsa0, 0)       expect -EINVAL
    buffer buf = kmalloc($((4096 * (1 + i % 4))))
    dma_addr a = dma_map_single(dsa0, buf, 4096, DMA_TO_DEVICE)
    dma_mapping_error(dsa0, a)                                     expect false
    dma dsa0 read a len 4096                                       expect ok
    dma dsa0 pasid kp read a len 4096                              expect ok
    dma dsa0 pasid kp write a len 64                               expect fault write-not-permitted
    dma_unmap_single(dsa0, a, 4096, DMA_TO_DEVICE)
    dma dsa0 pasid kp read a len 64                                expect finding stale-iotlb
    advance 10 ms
    dma dsa0 pasid kp read a len 64                                expect fault not-present
    check iotlb.invalidations >= 1
}
DMAS
  else
    cat > "$f" <<DMAS
// generated scenario $n: an untrusted device gets a strict domain and bounce buffers
import "../platforms/spr.dmas"

scenario "s$n untrusted device: strict domain, bounce buffers, dma-debug" on spr {
    probe tbt_nic
    pasid p = iommu_dma_pasid_enable(tbt_nic, KVA)                 expect IOMMU_PASID_INVALID
    buffer small = kmalloc(64)
    dma_addr b = dma_map_single(tbt_nic, small, 64, DMA_FROM_DEVICE)
    dma_mapping_error(tbt_nic, b)                                  expect false
    dma tbt_nic write b len 64                                     expect ok
    dma tbt_nic write b + 64 len 64                                expect ok
    dma_unmap_single(tbt_nic, b, 32, DMA_FROM_DEVICE)              expect dma-debug "device driver frees DMA memory with different size"
    dma_addr c = dma_map_single(tbt_nic, small, 64, DMA_FROM_DEVICE)
    dma_mapping_error(tbt_nic, c)                                  expect false
    unbind tbt_nic                                                 expect dma-debug "device driver has pending DMA allocations while released from device"
}
DMAS
  fi
done

# ---------------------------------------------------------------- the two projects
pom_head='<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.dmaworkbench.perf</groupId>'
cat > "$work/pom-dmas.xml" <<POM
$pom_head
  <artifactId>perf-dmas</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>org.dmaworkbench</groupId>
        <artifactId>dmas-maven-plugin</artifactId>
        <version>$version</version>
        <executions>
          <execution>
            <goals><goal>check</goal><goal>compile</goal><goal>run</goal></goals>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
POM
cat > "$work/pom-xtext.xml" <<POM
$pom_head
  <artifactId>perf-xtext</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <build>
    <directory>\${project.basedir}/target-xtext</directory>
    <plugins>
      <plugin>
        <groupId>org.eclipse.xtext</groupId>
        <artifactId>xtext-maven-plugin</artifactId>
        <version>2.42.0</version>
        <executions>
          <execution><goals><goal>generate</goal></goals></execution>
        </executions>
        <configuration>
          <languages><language><setup>org.dmaworkbench.dsl.DmasStandaloneSetup</setup></language></languages>
          <sourceRoots><root>\${project.basedir}/src/main/dmas</root></sourceRoots>
          <failOnValidationError>true</failOnValidationError>
        </configuration>
        <dependencies>
          <dependency><groupId>org.dmaworkbench</groupId><artifactId>dmas-dsl</artifactId><version>$version</version></dependency>
        </dependencies>
      </plugin>
    </plugins>
  </build>
</project>
POM

# ---------------------------------------------------------------- timing
mvn=("$root/mvnw" -o -B -f)
timed() { # $1 = label, $2 = pom, $3 = build directory to delete first, or "no"; prints seconds, log in $work/$1.log
  [ "$3" != no ] && rm -rf "${work:?}/$3"
  local t0 t1
  t0=$(date +%s.%N)
  if ! "${mvn[@]}" "$work/$2" verify > "$work/$1.log" 2>&1; then
    echo "perf: $1 failed, see $work/$1.log" >&2
    tail -n 30 "$work/$1.log" >&2
    exit 1
  fi
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}
echo "perf: $files generated files in $work/src/main/dmas/gen, $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
echo "perf: one Maven invocation each (./mvnw -o verify), clean target/, best and all of $repeat runs"
declare -a a b
for ((r = 1; r <= repeat; r++)); do
  a+=("$(timed dmas pom-dmas.xml target)")
  b+=("$(timed xtext pom-xtext.xml target-xtext)")
done
up=$(timed dmas-up-to-date pom-dmas.xml no) # target/ of the last dmas run is still there: nothing changed
grep -q 'unchanged since the last successful run' "$work/dmas-up-to-date.log" || { echo "perf: the second run was not up to date" >&2; exit 1; }
for v in "${a[@]}" "${b[@]}" "$up"; do [ -n "$v" ] || exit 1; done
best() { printf '%s\n' "$@" | sort -n | head -n1; }
ba=$(best "${a[@]}"); bb=$(best "${b[@]}")
grep -E 'dmas: (checked|compiled|[0-9]+ scenarios)' "$work/dmas.log" | sed 's/^/  /'
grep -E 'Validating:' "$work/xtext.log" | wc -l | sed 's/^/  xtext-maven-plugin validated files: /'
printf 'A dmas-maven-plugin check+compile+run : best %6.1f s   (runs: %s)\n' "$ba" "${a[*]}"
printf 'B xtext-maven-plugin validate only    : best %6.1f s   (runs: %s)\n' "$bb" "${b[*]}"
printf 'ratio A/B                              : %6.2f\n' "$(echo "$ba / $bb" | bc -l)"
printf 'A again, nothing changed (up to date) : %6.1f s\n' "$up"
