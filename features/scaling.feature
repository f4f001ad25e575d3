Feature: Scaling a Deployment
  `kubectl scale` changes only the number of replicas: the same ReplicaSet grows or shrinks, no new
  revision is made (seed note, "水平伸缩"; Kubernetes docs, "Scaling a Deployment").

  Background:
    Given a cluster
    And I apply the manifest file "manifests/nginx-deployment.yaml"
    And I wait until deployment "nginx-deployment" is rolled out

  Scenario: Scaling up adds pods to the same ReplicaSet
    When I run "kubectl scale deployment nginx-deployment --replicas=5"
    Then the output should be:
      """
      deployment.apps/nginx-deployment scaled
      """
    When I wait until deployment "nginx-deployment" is rolled out
    Then deployment "nginx-deployment" should have 5 ready pods
    And deployment "nginx-deployment" should be at revision 1
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | image        | replicas | ready | available |
      | 1        | nginx:1.14.2 | 5        | 5     | 5         |
    And the events of deployment "nginx-deployment" should include:
      | type   | reason            | message     |
      | Normal | ScalingReplicaSet | from 0 to 3 |
      | Normal | ScalingReplicaSet | from 3 to 5 |

  Scenario: Scaling down removes pods and never goes above the old count
    Given from now on, deployment "nginx-deployment" should never have more than 3 pods
    When I run "kubectl scale deployment/nginx-deployment --replicas=1"
    And 30 seconds pass
    Then deployment "nginx-deployment" should have 1 running pod
    And deployment "nginx-deployment" should have status:
      | replicas          | 1 |
      | availableReplicas | 1 |
    And the events of deployment "nginx-deployment" should include:
      | message     |
      | from 3 to 1 |
    And the events of deployment "nginx-deployment" should include:
      | reason            | message                 | at |
      | ScalingReplicaSet | Scaled up replica set   | 0s |
      | ScalingReplicaSet | Scaled down replica set | 0s |
    When I run "kubectl get deployments"
    Then the output should be:
      """
      NAME               READY   UP-TO-DATE   AVAILABLE   AGE
      nginx-deployment   1/1     1            1           30s
      """

  Scenario: Scaling to zero keeps the Deployment and its ReplicaSet
    When I run "kubectl scale deployment nginx-deployment --replicas=0"
    And 1 minute passes
    Then deployment "nginx-deployment" should have 0 running pods
    And the replica sets of deployment "nginx-deployment" should be:
      | revision | replicas | ready |
      | 1        | 0        | 0     |
    When I run "kubectl get deployment nginx-deployment"
    Then the output should be:
      """
      NAME               READY   UP-TO-DATE   AVAILABLE   AGE
      nginx-deployment   0/0     0            0           60s
      """
    When I run "kubectl get pods"
    Then the output should be:
      """
      """
    And the error output should contain "No resources found in default namespace."

  Scenario: Scaling a Deployment that does not exist
    When I run "kubectl scale deployment web --replicas=2"
    Then the command should fail with 'deployments.apps "web" not found'
