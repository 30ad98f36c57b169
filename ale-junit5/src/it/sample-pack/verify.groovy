// Reads the Surefire report of the client build: one test case per task of the sample pack, with
// the right outcome each (and the trials and the pass-rate floors), as CI servers and IDEs show them.
def report = new File(basedir, 'target/surefire-reports/TEST-example.SamplePackTest.xml')
assert report.isFile() : "Surefire wrote no report at ${report}"
def suite = new groovy.xml.XmlSlurper().parse(report)
def cases = suite.testcase.collect { c ->
    def status = c.failure.size() > 0 ? 'FAILED' : c.skipped.size() > 0 ? 'SKIPPED' : c.error.size() > 0 ? 'ERROR' : 'PASSED'
    [name: c.@name.text(), status: status, text: c.failure.@message.text() + c.skipped.text()]
}
cases.each { println "${it.name} | ${it.status}" }

def outcome = { String factory, String... words ->
    def found = cases.findAll { c -> c.name.contains(factory) && words.every { c.name.contains(it) } }
    assert found.size() == 1 : "expected one test case of ${factory} named with ${words}, found ${found*.name}"
    found[0]
}
assert cases.size() == 10 : "10 test cases expected, got ${cases.size()}"
// samplePack(): one test per task of the sample pack, grouped by cluster, and the floor
assert outcome('samplePack()', 'business_finance', 'bank-reconciliation').status == 'PASSED'
assert outcome('samplePack()', 'business_finance', 'freight-cost-allocation').status == 'PASSED'
def contract = outcome('samplePack()', 'legal', 'contract-deadlines')
assert contract.status == 'FAILED'
assert contract.text.startsWith('contract-deadlines trial 1 FAILED (GATE)')
assert contract.text.contains('failed checks:')
def dosage = outcome('samplePack()', 'health_medicine', 'dosage-calculation')
assert dosage.status == 'FAILED'
assert dosage.text.contains('doses.json [gate] (score 0.00): expected a regular file inside the output, found missing')
def floor = outcome('samplePack()', 'full pass rate >= 75.0%')
assert floor.status == 'FAILED'
assert floor.text.startsWith('full pass rate 50.0% (2 of 4 scored attempts')
// smokeListTwoTrials(): a test per trial; ERROR attempts are aborted (skipped), not failed
for (trial in ['trial 1', 'trial 2']) {
    assert outcome('smokeListTwoTrials()', 'bank-reconciliation', trial).status == 'PASSED'
    def freight = outcome('smokeListTwoTrials()', 'freight-cost-allocation', trial)
    assert freight.status == 'SKIPPED'
    assert freight.text.contains('ERROR (SANDBOX, infrastructure, not counted): sandbox could not open')
}
assert outcome('smokeListTwoTrials()', 'full pass rate >= 100.0%').status == 'PASSED'
return true
